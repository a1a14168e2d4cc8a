"""The workflow around the validator: GitHub Actions, pre-commit, templates.

The pull-request check's shell step is run for real, with bash and git, on a small hub
with a history, as GitHub would run it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

from .fixtures.broken import GUIDE_VI, PROMPTS_VI, ROOT, make

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))


def vietnamese(text: str) -> bool:
    """Has a letter with a Vietnamese mark (English text has none)."""
    return any(c in "đĐ" or unicodedata.decomposition(c) for c in text if c.isalpha())


def load(path: Path) -> dict:
    # GitHub's `on:` is YAML 1.1's boolean True for PyYAML.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def test_workflows_exist_and_pin_every_action():
    assert {p.name for p in WORKFLOWS} == {"check.yml", "publish.yml"}
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        uses = re.findall(r"uses:\s*(\S+)(.*)", text)
        assert uses
        for action, comment in uses:
            name, _, ref = action.partition("@")
            assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{path.name}: {action} is not pinned to a commit"
            assert re.search(r"# v\d+\.\d+\.\d+", comment), f"{path.name}: {action} does not name its version"


def test_check_workflow_validates_builds_and_tests():
    wf = load(GITHUB / "workflows" / "check.yml")
    assert "pull_request" in wf["on"] and "pull_request_target" not in wf["on"]
    assert wf["permissions"] == {"contents": "read"}
    steps = {job: [s.get("run", "") for s in wf["jobs"][job]["steps"]] for job in wf["jobs"]}
    assert any("python scripts/validate.py --format github" in run for run in steps["validate"])
    assert any("python scripts/build.py" in run for run in steps["build"])
    assert any(".ci/run" in run for run in steps["test"])


def test_publish_workflow_deploys_pages_and_releases_the_offline_copies():
    wf = load(GITHUB / "workflows" / "publish.yml")
    assert wf["on"]["push"]["branches"] == ["main"] and wf["permissions"] == {}
    jobs = wf["jobs"]
    assert jobs["build"]["permissions"] == {"contents": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["release"]["permissions"] == {"contents": "write"}
    build = "\n".join(s.get("run", "") + s.get("uses", "") for s in jobs["build"]["steps"])
    assert "python scripts/build.py" in build and "upload-pages-artifact" in build
    assert any(s.get("with", {}).get("path") == "dist/" for s in jobs["build"]["steps"])
    release = "\n".join(s.get("run", "") for s in jobs["release"]["steps"])
    assert 'gh release create "v${VERSION}" dist/*' in release


def validate_step() -> str:
    wf = load(GITHUB / "workflows" / "check.yml")
    (step,) = [s for s in wf["jobs"]["validate"]["steps"] if "validate.py" in s.get("run", "")]
    return step["run"]


def git(repo: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.org")
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def repo(tmp_path) -> tuple[Path, str]:
    """A hub with history: its base commit already has a problem in a prompt library."""
    hub = make(tmp_path / "repo", {"prompts/mau.vi.md": PROMPTS_VI.replace("level: co-ban", "level: gioi")})
    (hub / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts" / "validate.py", hub / "scripts" / "validate.py")
    git(hub, "init", "-q")
    git(hub, "add", "-A")
    git(hub, "commit", "-qm", "base")
    return hub, git(hub, "rev-parse", "HEAD")


def run_step(hub: Path, base: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, BASE_SHA=base, RUNNER_TEMP=str(hub.parent),
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    env.pop("GITHUB_STEP_SUMMARY", None)
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", validate_step()], cwd=hub,
                          env=env, capture_output=True, text=True, timeout=300)


def test_pull_request_changing_items_is_checked_on_those_items(repo):
    hub, base = repo
    (hub / "guides" / "mau.vi.md").write_text(GUIDE_VI + "\nGọi 0912 345 678.\n", encoding="utf-8")
    git(hub, "commit", "-qam", "edit a guide")
    result = run_step(hub, base)
    assert result.returncode == 1
    warning, error = result.stdout.splitlines()
    assert error == (
        "::error file=guides/mau.vi.md,line=25,col=5,title=personal-phone::Có vẻ là số điện thoại di động cá nhân: "
        "không công bố (Nghị định 13/2023/NĐ-CP); hãy xóa hoặc thay bằng số đường dây nóng của cơ quan / looks like a "
        "personal mobile number: do not publish it (Decree 13/2023/NĐ-CP); remove it or use the agency's hotline")
    # The edit made the guide's translation outdated: the other language of the item is shown too.
    assert warning.startswith("::warning file=guides/mau.en.md,line=2,col=1,title=translation-outdated::")
    assert "prompts/mau.vi.md" not in result.stdout  # a problem the pull request did not bring


def test_pull_request_changing_anything_else_checks_everything(repo):
    hub, base = repo
    units = hub / "data" / "units.yml"
    units.write_text(units.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    git(hub, "commit", "-qam", "touch the taxonomies")
    result = run_step(hub, base)
    assert result.returncode == 1
    assert result.stdout.startswith("::error file=prompts/mau.vi.md,line=6,col=8,title=schema-enum::")


def test_pull_request_deleting_an_item_checks_everything(repo):
    hub, base = repo
    git(hub, "rm", "-q", "use_cases/mau.en.md")
    (hub / "guides" / "mau.vi.md").write_text(GUIDE_VI.replace("Nội dung.", "Nội dung mới."), encoding="utf-8")
    git(hub, "commit", "-qam", "delete a translation, edit a guide")
    result = run_step(hub, base)
    assert "file=prompts/mau.vi.md" in result.stdout and result.returncode == 1


def test_pre_commit_hook_runs_the_validator_on_the_files_given(tmp_path):
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for repo in config["repos"] for h in repo["hooks"]]
    assert hook["language"] == "system" and hook["entry"] == "python scripts/validate.py"
    files = re.compile(hook["files"])
    for path in ("guides/a.vi.md", "prompts/b.en.md", "use_cases/c.vi.md", "data/units.yml"):
        assert files.search(path), path
    for path in ("docs/index.vi.md", "guides/images/a.png", "README.md", "aixutra/schema.py"):
        assert not files.search(path), path
    # As pre-commit runs it: from the repository root, with the staged files as arguments.
    hub = make(tmp_path / "hub", {"guides/mau.vi.md": GUIDE_VI.replace("level: co-ban", "level: gioi")})
    (hub / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts" / "validate.py", hub / "scripts" / "validate.py")
    command = [sys.executable if word == "python" else word for word in hook["entry"].split()]
    bad = subprocess.run([*command, "guides/mau.vi.md"], cwd=hub, capture_output=True, text=True, timeout=120)
    good = subprocess.run([*command, "prompts/mau.vi.md"], cwd=hub, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1 and bad.stdout.startswith("guides/mau.vi.md:6:8: error:")
    assert good.returncode == 0 and good.stdout == ""


@pytest.mark.parametrize("path", sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml")) + [GITHUB / "pull_request_template.md"],
                         ids=lambda p: p.name)
def test_templates_speak_vietnamese_first(path):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".yml":
        form = yaml.safe_load(text)
        if path.name == "config.yml":
            assert form["contact_links"][0]["url"].endswith("/CONTRIBUTING.md")
            return
        assert form["name"] and form["description"] and form["body"]
        labels = [item["attributes"]["label"] for item in form["body"] if item["type"] != "markdown"]
        assert labels and all(" / " in label for label in labels)
        texts = [form["name"], *labels]
    else:
        texts = [line for line in text.splitlines() if line.startswith("## ")]
        assert texts[0] == "## Nội dung thay đổi" and "## What changes" in texts
    for t in texts:  # the Vietnamese comes before the English
        vi, _, en = t.partition(" / ")
        assert vietnamese(vi) or not en, t

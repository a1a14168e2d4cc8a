"""AI Xứ Trà: the content model and site machinery of the hub."""

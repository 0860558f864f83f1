IMAGE_EXTENSIONS = ["png", "jpeg", "jpg"]
TEXT_EXTENSIONS = ["txt", "ps1", "py", "md", "log"]

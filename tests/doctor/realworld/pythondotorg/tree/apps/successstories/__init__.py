"""Success stories app for showcasing Python success stories."""

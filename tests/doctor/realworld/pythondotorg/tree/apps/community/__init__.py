"""Community app for managing posts, links, photos, and videos."""

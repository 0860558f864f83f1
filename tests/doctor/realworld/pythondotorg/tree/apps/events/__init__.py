"""Events app for managing Python community events and calendars."""

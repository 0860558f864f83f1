from typing import Final

#: Business rule for the length of post titles.
POST_TITLE_MAX_LENGTH: Final = 80

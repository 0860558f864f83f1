from enum import Enum


class TikTokScope(Enum):
    user_info_basic = "user.info.basic"
    user_info_profile = "user.info.profile"

from enum import Enum


class Notification(Enum):
    CRUD_ITEM_CREATED = "CRUD_ITEM_CREATED"
    CRUD_ITEM_UPDATED = "CRUD_ITEM_UPDATED"

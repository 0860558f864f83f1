from common.types import OrmBase


class CrudDemoItemType(OrmBase):
    name: str

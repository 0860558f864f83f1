# wger
from wger.version import get_version


VERSION = get_version()
default_app_config = 'wger.measurements.apps.MeasurementsConfig'

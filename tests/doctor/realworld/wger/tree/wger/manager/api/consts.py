BASE_CONFIG_FILTER_FIELDS = (
    'id',
    'slot_entry',
    'iteration',
    'value',
    'operation',
    'step',
    'repeat',
)

BASE_CONFIG_FIELDS = BASE_CONFIG_FILTER_FIELDS + ('requirements',)

class IgnoreOperation(Exception):
    message = 'Ignoring the opertaion.'

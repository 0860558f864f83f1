class LLMTimeoutError(Exception):
    pass

from ralph.lib.hooks.main import get_hook, hook_name_to_env_name


default_app_config = 'ralph.lib.hooks.apps.HooksAppConfig'

__all__ = [
    'get_hook',
    'hook_name_to_env_name'
]

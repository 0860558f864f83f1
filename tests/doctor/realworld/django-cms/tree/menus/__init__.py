default_app_config = 'menus.apps.MenusConfig'

# Translation management app
default_app_config = "apps.translations.apps.TranslationsConfig"

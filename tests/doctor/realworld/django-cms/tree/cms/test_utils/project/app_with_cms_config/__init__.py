default_app_config = 'cms.test_utils.project.app_with_cms_config.apps.CMSConfigConfig'

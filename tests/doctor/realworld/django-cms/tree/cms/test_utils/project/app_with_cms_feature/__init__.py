default_app_config = 'cms.test_utils.project.app_with_cms_feature.apps.CMSFeatureConfig'

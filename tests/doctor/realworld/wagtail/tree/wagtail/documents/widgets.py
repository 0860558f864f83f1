from wagtail.documents.views.chooser import viewset as chooser_viewset

AdminDocumentChooser = chooser_viewset.widget_class

import inspect
import sys

from django.conf import settings
from rest_framework.serializers import ModelSerializer

from dojo.api_v2.prefetch import (
    registrations as _registrations,  # noqa: F401 -- side-effect import populates the RBAC registry
)
from dojo.api_v2.prefetch import utils
from dojo.api_v2.prefetch.authorized_querysets import get_authorized_queryset
from dojo.location.api.serializers import LocationFindingReferenceSerializer, LocationSerializer
from dojo.location.models import Location, LocationFindingReference
from dojo.models import FileUpload, Finding

# Reduce the scope of search for serializers.
SERIALIZER_DEFS_MODULE = "dojo.api_v2.serializers"

preferred_serializers = {
    FileUpload: "FileSerializer",
}


class _Prefetcher:
    @staticmethod
    def _build_serializers():
        """
        Returns a map model -> serializer where model is a django model and serializer is the corresponding
        serializer used to serialize the model

        Returns:
            dict[model, serializer]: map of model to their serializer

        """

        def _is_model_serializer(obj):
            return inspect.isclass(obj) and issubclass(obj, ModelSerializer)

        serializers = {}
        # We process all the serializers found in the module SERIALIZER_DEFS_MODULE. We restrict the scope to avoid
        # processing all the classes in the symbol table
        available_serializers = inspect.getmembers(
            sys.modules[SERIALIZER_DEFS_MODULE],
            _is_model_serializer,
        )

        for _, serializer in available_serializers:
            model = serializer.Meta.model
            if model in preferred_serializers:
                if serializer.__name__ == preferred_serializers[model]:
                    serializers[model] = serializer
            else:
                serializers[model] = serializer
        # We add object->None to have a more uniform processing later on
        serializers[object] = None

        return serializers

    def __init__(self, request=None):
        self._serializers = _Prefetcher._build_serializers()
        self._prefetch_data = {}
        self._request = request

    def _find_serializer(self, field_type):
        """
        Find the best suited serializer for the given type.

        Args:
            field_type (django.db.models.fields): the field type for which we need to find a serializer

        Returns:
            rest_framework.serializers.ModelSerializer: The serializer if one has been found or None

        """
        # Check overrides first
        if serializer := self.serializer_overrides(field_type):
            return serializer

        # If the type is represented in the map then return the serializer
        if field_type in self._serializers:
            return self._serializers[field_type]

        # Otherwise we get the direct parent class and we recursively call the method
        # Note that this process will always terminate has we have a decreasing measure
        # with a lower bound taking the form of the object class which is referenced
        # in our serializers.
        parent_class = field_type.__mro__[1]
        return self._find_serializer(parent_class)

    def get_field_value_override(self, model_instance, field_name):
        """
        Allows us to override the default field value lookup functionality, e.g. for when we are migrating to new models
        while keeping the old names for API compatibility.

        :param model_instance: the model instance
        :param field_name: the name of the field we're getting a value for
        :return: a tuple of (the value of the field, whether the field is 'many'), or None if no override exists
        """
        if settings.V3_FEATURE_LOCATIONS:
            if isinstance(model_instance, Finding) and field_name == "endpoints":
                return model_instance.locations, True
        return None

    def get_field_value(self, model_instance, field_name):
        """
        Returns the value of the given field from the model instance and whether the serializer used should treat the
        value as many.

        :param model_instance: the model instance
        :param field_name: the name of the field we're getting a value for
        :return: a tuple of (the value of the field, whether the field is 'many')
        """
        # Check overrides first
        if field_data := self.get_field_value_override(model_instance, field_name):
            return field_data

        # Get the concrete field type
        field_meta = getattr(type(model_instance), field_name, None)
        # Check if the field represents a many-to-many relationship as we need to instantiate the serializer accordingly
        many = utils._is_many_to_many_relation(field_meta)
        # Get the field from the instance
        return getattr(model_instance, field_name, None), many

    def serializer_overrides(self, field_type):
        """
        Overrides for model serializers, e.g. for serializers not found in SERIALIZER_DEFS_MODULE

        :param field_type: the model field type
        :return: a serializer for the given model field type, or None if no override exists
        """
        return {
            Location: LocationSerializer,
            LocationFindingReference: LocationFindingReferenceSerializer,
        }.get(field_type)

    def _prefetch(self, entry, fields_to_fetch):
        """
        Apply prefetching for the given field on the given entry

        Args:
            entry (ModelInstance): Instance of a model as returned by a django queryset
            field_to_fetch (list[string]): fields to prefetch

        """
        user = getattr(self._request, "user", None) if self._request else None

        for field_to_fetch in fields_to_fetch:
            # Get the field from the instance
            field_value, many = self.get_field_value(entry, field_to_fetch)
            if field_value is None:
                continue

            # Get the model related to the field
            model_type = getattr(field_value, "model", type(field_value))
            extra_serializer = self._find_serializer(model_type)
            if extra_serializer is None:
                continue

            # Authorization gate: only serialize objects from the requester's
            # authorized queryset for this model. Deny-by-default -- models
            # with no registered policy are omitted from the prefetch payload.
            authorized_qs = get_authorized_queryset(model_type, user)
            if authorized_qs is None:
                continue

            # Match the legacy contract: the field key always appears in the
            # prefetch payload (possibly empty) once we have a policy. Tests
            # and clients can rely on the key being present whenever the
            # primary field is non-null on the entry.
            self._prefetch_data.setdefault(field_to_fetch, {})

            # Check related object authorizations
            if many:
                related_qs = field_value.all() if hasattr(field_value, "all") else field_value
                related_ids = list(related_qs.values_list("pk", flat=True))
                if not related_ids:
                    continue
                # Set `field_value` (what will be serialized later) to the set of objects the user has permission to
                field_value = authorized_qs.filter(pk__in=related_ids)
                if not field_value.exists():
                    continue
            # Only a single related item; check it's in the set of authorized objects. If not, skip it.
            elif not authorized_qs.filter(pk=field_value.pk).exists():
                continue

            serializer_kwargs = {"many": many}
            if self._request is not None:
                # Add in the request for the serializers to use if they want
                serializer_kwargs["context"] = {"request": self._request}
            field_data = extra_serializer(**serializer_kwargs).to_representation(
                field_value,
            )
            # For convenience in processing we store the field data in a list
            field_data_list = field_data if isinstance(field_data, list) else [field_data]

            # Should not fail as django always generate an id field
            for data in field_data_list:
                self._prefetch_data[field_to_fetch][data["id"]] = data

    @property
    def prefetched_data(self):
        return self._prefetch_data

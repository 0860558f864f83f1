#  This file is part of wger Workout Manager <https://github.com/wger-project>.
#  Copyright (C) 2013 - 2021 wger Team
#
#  wger Workout Manager is free software: you can redistribute it and/or modify
#  it under the terms of the GNU Affero General Public License as published by
#  the Free Software Foundation, either version 3 of the License, or
#  (at your option) any later version.
#
#  wger Workout Manager is distributed in the hope that it will be useful,
#  but WITHOUT ANY WARRANTY; without even the implied warranty of
#  MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
#  GNU Affero General Public License for more details.
#
#  You should have received a copy of the GNU Affero General Public License
#  along with this program.  If not, see <http://www.gnu.org/licenses/>.

# Standard Library
import uuid

# Django
from django.contrib.postgres.indexes import GinIndex
from django.core.validators import MinLengthValidator
from django.db import models
from django.urls import reverse
from django.utils.text import slugify

# Third Party
from simple_history.models import HistoricalRecords

# wger
from wger.core.models import Language
from wger.exercises.models import Exercise
from wger.utils.cache import reset_exercise_api_cache
from wger.utils.markdown import (
    render_markdown,
    sanitize_html,
)
from wger.utils.models import (
    AbstractHistoryMixin,
    AbstractLicenseModel,
)


class Translation(AbstractLicenseModel, AbstractHistoryMixin, models.Model):
    """
    Model for an exercise translation
    """

    description = models.TextField(
        max_length=2000,
        verbose_name='Description',
        blank=True,
    )
    """
    Rendered HTML describing how to perform the exercise, generated from
    ``description_source`` on save
    """

    description_source = models.TextField(
        verbose_name='Description (Source)',
        validators=[MinLengthValidator(40)],
    )
    """The raw Markdown source"""

    name = models.CharField(
        verbose_name='Name',
        max_length=200,
    )
    """The exercise's name"""

    created = models.DateTimeField(
        verbose_name='Date',
        auto_now_add=True,
    )
    """The submission date"""

    last_update = models.DateTimeField(
        verbose_name='Date',
        auto_now=True,
    )
    """Datetime of the last modification"""

    language = models.ForeignKey(
        Language,
        verbose_name='Language',
        on_delete=models.CASCADE,
    )
    """The exercise's language"""

    uuid = models.UUIDField(
        default=uuid.uuid4,
        editable=False,
        unique=True,
        verbose_name='UUID',
    )
    """Globally unique ID, to identify the exercise across installations"""

    exercise = models.ForeignKey(
        Exercise,
        on_delete=models.CASCADE,
        default=None,
        null=False,
        related_name='translations',
    )
    """ Refers to the base exercise with non translated information """

    history = HistoricalRecords()
    """Edit history"""

    #
    # Django methods
    #
    class Meta:
        base_manager_name = 'objects'
        ordering = [
            'name',
        ]
        indexes = (
            GinIndex(
                fields=['name'],
                name='idx_translation_name_trgm',
                opclasses=['gin_trgm_ops'],
            ),
        )
        constraints = [
            models.UniqueConstraint(
                fields=['exercise', 'language'],
                name='unique_exercise_language_translation',
                violation_error_message='A translation for this exercise and language already exists.',
            )
        ]

    def get_absolute_url(self):
        """
        Returns the canonical URL to view an exercise
        """
        slug_name = slugify(self.name)
        kwargs = {'pk': self.exercise_id}
        if slug_name:
            kwargs['slug'] = slug_name

        return reverse('exercise:exercise:view', kwargs=kwargs)

    def save(self, *args, **kwargs):
        """
        Reset all cached infos
        """

        if self.description_source:
            self.description = render_markdown(self.description_source)
        elif self.description:
            self.description = sanitize_html(self.description)

        super().save(*args, **kwargs)

        # Api cache
        reset_exercise_api_cache(self.exercise.uuid)

    def delete(self, *args, **kwargs):
        """
        Reset all cached infos
        """

        # Api cache
        reset_exercise_api_cache(self.exercise.uuid)

        super().delete(*args, **kwargs)

    def __str__(self):
        """
        Return a more human-readable representation
        """
        return self.name

    #
    # Properties to expose the info from the exercise base
    #
    @property
    def category(self):
        return self.exercise.category

    @property
    def muscles(self):
        return self.exercise.muscles

    @property
    def muscles_secondary(self):
        return self.exercise.muscles_secondary

    @property
    def equipment(self):
        return self.exercise.equipment

    @property
    def images(self):
        return self.exercise.exerciseimage_set

    @property
    def videos(self):
        return self.exercise.exercisevideo_set

    @property
    def variations(self):
        """
        Returns the variations for this exercise in the same language
        """
        out = []
        for variation in self.exercise.base_variations:
            for translation in variation.translations.filter(language=self.language).all():
                out.append(translation)
        return out

    #
    # Own methods
    #
    @property
    def main_image(self):
        """
        Return the main image for the exercise or None if nothing is found
        """
        return self.images.all().filter(is_main=True).first()

    def get_owner_object(self):
        """
        Exercise has no owner information
        """
        return False

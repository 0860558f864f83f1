# SPDX-FileCopyrightText: 2019-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

import datetime as dt

from django.dispatch import receiver
from django.utils.timezone import now

from pretalx.common.signals import (
    minimum_interval,
    periodic_task,
    register_data_exporters,
)
from pretalx.person.models import ProfilePicture, UserApiToken


@receiver(register_data_exporters, dispatch_uid="exporter_builtin_csv_speaker")
def register_speaker_csv_exporter(sender, **kwargs):
    from pretalx.person.interfaces.exporters import (  # noqa: PLC0415 -- receiver
        CSVSpeakerExporter,
    )

    return CSVSpeakerExporter


@receiver(signal=periodic_task)
@minimum_interval(minutes_after_success=60)
def run_update_check(sender, **kwargs):
    UserApiToken.objects.filter(expires__lt=now()).delete()


@receiver(signal=periodic_task)
@minimum_interval(minutes_after_success=60 * 24)
def clean_orphaned_profile_pictures(sender, **kwargs):
    cutoff = now() - dt.timedelta(days=30)
    pictures = ProfilePicture.objects.filter(
        users__isnull=True, speakers__isnull=True, updated__lt=cutoff
    )
    for picture in pictures:
        # Object-level delete to trigger file cleanup
        picture.delete()

# SPDX-FileCopyrightText: 2026-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms
import datetime as dt

import factory
from django.utils import timezone
from django_scopes import scopes_disabled

from pretalx.schedule.models import Availability, Room, Schedule
from pretalx.schedule.models.slot import TalkSlot
from tests.factories.event import EventFactory
from tests.factories.submission import SubmissionFactory


class ScheduleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Schedule

    event = factory.SubFactory(EventFactory)
    published = factory.LazyFunction(timezone.now)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with scopes_disabled():
            return super()._create(model_class, *args, **kwargs)


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Room {n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with scopes_disabled():
            return super()._create(model_class, *args, **kwargs)


class AvailabilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Availability

    event = factory.SubFactory(EventFactory)
    start = factory.LazyAttribute(lambda o: o.event.datetime_from)
    end = factory.LazyAttribute(lambda o: o.event.datetime_to)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with scopes_disabled():
            return super()._create(model_class, *args, **kwargs)


class TalkSlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TalkSlot

    submission = factory.SubFactory(SubmissionFactory)
    schedule = factory.LazyAttribute(
        lambda o: (
            scopes_disabled()(lambda: o.submission.event.wip_schedule)()
            if o.submission
            else None
        )
    )
    room = factory.SubFactory(
        RoomFactory, event=factory.SelfAttribute("..submission.event")
    )
    start = factory.LazyAttribute(
        lambda o: o.submission.event.datetime_from if o.submission else None
    )
    end = factory.LazyAttribute(
        lambda o: (
            o.submission.event.datetime_from + dt.timedelta(hours=1)
            if o.submission
            else None
        )
    )
    is_visible = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with scopes_disabled():
            return super()._create(model_class, *args, **kwargs)

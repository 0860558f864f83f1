import datetime
from operator import attrgetter

import requests_mock
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.management import call_command
from django.test import SimpleTestCase, TestCase
from django.urls import reverse

from docs.models import DocumentRelease
from releases.models import Release

from . import feeds, models
from .forms import FeedModelForm


class AggregatorTests(TestCase):
    @requests_mock.mock()
    def setUp(self, mocker):
        mocker.register_uri("POST", settings.PUSH_HUB, status_code=202)
        # document release necessary to fetch main page
        release, _ = Release.objects.get_or_create(
            version="1.4",
        )
        DocumentRelease.objects.update_or_create(
            release=release,
            lang=settings.DEFAULT_LANGUAGE_CODE,
            defaults={"is_default": True},
        )

        # Set up users who will get emailed
        g, _ = Group.objects.get_or_create(
            name=settings.FEED_APPROVERS_GROUP_NAME,
        )
        self.user, _ = User.objects.get_or_create(
            username="Mr. Potato",
            email="mr@potato.com",
        )
        self.user.groups.add(g)

        self.feed_type, _ = models.FeedType.objects.get_or_create(
            name="Test Feed Type",
            slug="test-feed-type",
            can_self_add=True,
        )

        self.approved_feed, _ = models.Feed.objects.get_or_create(
            title="Approved",
            feed_url="foo.com/rss/",
            public_url="foo.com/",
            approval_status=models.APPROVED_FEED,
            feed_type=self.feed_type,
        )
        self.approved_feed_long_url, _ = models.Feed.objects.get_or_create(
            title="Approved long URL",
            feed_url="www.reddit.com/rss/",
            public_url="https://www.reddit.com/r/django/?param=" + "x" * 511,
            approval_status=models.APPROVED_FEED,
            feed_type=self.feed_type,
        )
        self.denied_feed, _ = models.Feed.objects.get_or_create(
            title="Denied",
            feed_url="bar.com/rss/",
            public_url="bar.com/",
            approval_status=models.DENIED_FEED,
            feed_type=self.feed_type,
        )
        self.pending_feed, _ = models.Feed.objects.get_or_create(
            title="Pending",
            feed_url="baz.com/rss/",
            public_url="baz.com/",
            approval_status=models.PENDING_FEED,
            feed_type=self.feed_type,
        )

        for feed in [
            self.approved_feed,
            self.approved_feed_long_url,
            self.denied_feed,
            self.pending_feed,
        ]:
            models.FeedItem.objects.get_or_create(
                feed=feed,
                title="%s Item" % feed.title,
                link=feed.public_url,
                date_modified=datetime.datetime.now(),
                guid=feed.title,
            )

    def test_community_index_number_of_queries(self):
        """Intended to prevent an n+1 issue on the community index view"""
        url = reverse("community-index")
        with self.assertNumQueries(9):
            self.client.get(url)

    def test_empty_feed_type_not_rendered(self):
        empty_type = models.FeedType.objects.create(name="Empty", slug="empty")
        models.Feed.objects.create(
            title="Empty blog",
            feed_url="empty.com/rss/",
            public_url="empty.com/",
            approval_status=models.APPROVED_FEED,
            feed_type=empty_type,
        )
        response = self.client.get(reverse("community-index"))
        self.assertNotContains(response, "Empty")

    def test_feed_list_only_approved_and_active(self):
        url = reverse(
            "community-feed-list", kwargs={"feed_type_slug": self.feed_type.slug}
        )
        response = self.client.get(url)
        for item in response.context["object_list"]:
            self.assertEqual(models.APPROVED_FEED, item.feed.approval_status)

    def test_feed_list_number_of_queries(self):
        url = reverse(
            "community-feed-list", kwargs={"feed_type_slug": self.feed_type.slug}
        )
        with self.assertNumQueries(9):
            self.client.get(url)

    def test_management_command_sends_no_email_with_no_pending_feeds(self):
        self.pending_feed.delete()
        call_command("send_pending_approval_email", verbosity=0)
        self.assertEqual(0, len(mail.outbox))

    def test_management_command_sends_email_with_pending_feeds(self):
        call_command("send_pending_approval_email", verbosity=0)

        self.assertEqual(1, len(mail.outbox))
        self.assertEqual(mail.outbox[0].to, [self.user.email])

    def test_feeditem_approved(self):
        self.assertQuerySetEqual(
            models.FeedItem.objects.approved(),
            ["Approved long URL Item", "Approved Item"],
            transform=attrgetter("title"),
        )

    def test_community_feed_has_only_approved(self):
        feed = feeds.CommunityAggregatorFeed()
        self.assertQuerySetEqual(
            feed.items(self.feed_type),
            ["Approved long URL Item", "Approved Item"],
            transform=attrgetter("title"),
        )

    def test_feedtype_items_has_only_approved(self):
        self.assertQuerySetEqual(
            self.feed_type.items(),
            ["Approved long URL Item", "Approved Item"],
            transform=attrgetter("title"),
        )

    def test_logged_in_user_can_delete_own_feed(self):
        user = User.objects.create_user(
            username="deleter",
            password="pass123",
        )

        feed = models.Feed.objects.create(
            title="My Feed",
            feed_url="https://example.com/rss/",
            public_url="https://example.com/",
            approval_status=models.PENDING_FEED,
            feed_type=self.feed_type,
            owner=user,
        )

        self.client.login(username="deleter", password="pass123")

        response = self.client.post(reverse("community-delete-feed", args=[feed.id]))

        self.assertEqual(response.status_code, 302)
        self.assertFalse(models.Feed.objects.filter(id=feed.id).exists())


class TestForms(SimpleTestCase):
    def test_rejects_stackoverflow_questions(self):
        form = FeedModelForm(
            {
                "title": "Asynchronous processing of file upload in Django",
                "feed_url": "http://stackoverflow.com/questions/11752148/",
                "public_url": "http://stackoverflow.com/questions/11752148/",
            }
        )
        self.assertEqual(
            form.errors,
            {
                "feed_url": [
                    "Stack Overflow questions tagged with 'django' will appear "
                    "here automatically."
                ]
            },
        )

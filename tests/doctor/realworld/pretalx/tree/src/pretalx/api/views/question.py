# SPDX-FileCopyrightText: 2020-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

from django.db import transaction
from django.db.models import Prefetch
from django.db.models.deletion import ProtectedError
from django.http import HttpResponse
from rest_framework import exceptions, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import SAFE_METHODS, AllowAny

from pretalx.api.documentation import (
    build_expand_docs,
    build_search_docs,
    extend_schema,
    extend_schema_view,
)
from pretalx.api.filters.answer import AnswerFilterSet
from pretalx.api.serializers.question import (
    AnswerCreateSerializer,
    AnswerOptionCreateSerializer,
    AnswerOptionSerializer,
    AnswerSerializer,
    QuestionOrgaCreateSerializer,
    QuestionOrgaSerializer,
    QuestionSerializer,
)
from pretalx.api.views.mixins import ActivityLogMixin, PretalxViewSetMixin
from pretalx.person.models import SpeakerProfile
from pretalx.submission.domain.queries.question import (
    answers_for_user,
    questions_for_user,
)
from pretalx.submission.domain.question import (
    delete_question,
    save_answer,
    set_question_active,
)
from pretalx.submission.icons import PLATFORM_ICONS
from pretalx.submission.models import (
    Answer,
    AnswerOption,
    Question,
    QuestionVariant,
    Submission,
)

OPTIONS_HELP = (
    "Please note that any update to the options field will delete the "
    "existing question options (if still possible) and replace them with the new ones. "
    "Use the AnswerOption API for granular question option modifications."
)
UPDATE_HELP = (
    OPTIONS_HELP
    + " Please also note that you cannot change a question’s target once it has "
    "been created, as that would orphan all existing answers."
)


@extend_schema_view(
    list=extend_schema(
        summary="List Questions",
        parameters=[
            build_search_docs("question"),
            build_expand_docs("options", "tracks", "submission_types"),
        ],
    ),
    retrieve=extend_schema(
        summary="Show Question",
        parameters=[build_expand_docs("options", "tracks", "submission_types")],
    ),
    create=extend_schema(summary="Create Question"),
    update=extend_schema(summary="Update Question", description=UPDATE_HELP),
    partial_update=extend_schema(
        summary="Update Question (Partial Update)", description=UPDATE_HELP
    ),
    destroy=extend_schema(summary="Delete Question"),
)
class QuestionViewSet(ActivityLogMixin, PretalxViewSetMixin, viewsets.ModelViewSet):
    queryset = Question.objects.none()
    serializer_class = QuestionSerializer
    filterset_fields = ("is_public", "is_visible_to_reviewers", "target", "variant")
    search_fields = ("question",)
    ordering_fields = (
        "id",
        "question",
        "position",
        "is_public",
        "is_visible_to_reviewers",
    )
    ordering = ("position", "id")
    endpoint = "questions"

    def get_queryset(self):
        return questions_for_user(self.event, self.request.user).prefetch_related(
            "options", "tracks", "submission_types"
        )

    def get_unversioned_serializer_class(self):
        if self.request.method not in SAFE_METHODS or self.has_perm("update"):
            if self.action == "create":
                return QuestionOrgaCreateSerializer
            return QuestionOrgaSerializer
        return self.serializer_class

    @transaction.atomic()
    def perform_update(self, serializer):
        # An active-only toggle goes through the dedicated domain helper so
        # the log entry is .activate / .deactivate, matching the orga toggle
        # view. Any other (or mixed) change uses the standard .update log.
        previous_active = serializer.instance.active
        validated = serializer.validated_data
        active_only_toggle = (
            set(validated) == {"active"} and validated["active"] != previous_active
        )
        if active_only_toggle:
            set_question_active(
                serializer.instance,
                active=validated["active"],
                person=self.request.user,
            )
            return
        super().perform_update(serializer)

    def perform_destroy(self, instance):
        try:
            delete_question(instance)
        except ProtectedError:
            raise exceptions.ValidationError(
                "You cannot delete a question object that has answers."
            ) from None

    @action(
        detail=True, methods=["get"], permission_classes=[AllowAny], url_path="icon"
    )
    def icon(self, request, *args, **kwargs):
        """
        Returns the icon for this question as an SVG image if the question has an icon.
        """
        question = self.get_object()
        if not question.show_icon or question.icon not in PLATFORM_ICONS:
            return HttpResponse(status=404)

        return HttpResponse(PLATFORM_ICONS[question.icon], content_type="image/svg+xml")


@extend_schema_view(
    list=extend_schema(
        summary="List Question Options",
        parameters=[
            build_search_docs("answer"),
            build_expand_docs(
                "question", "question.tracks", "question.submission_types"
            ),
        ],
    ),
    retrieve=extend_schema(
        summary="Show Question Option",
        parameters=[
            build_expand_docs(
                "question", "question.tracks", "question.submission_types"
            )
        ],
    ),
    create=extend_schema(summary="Create Question Option"),
    update=extend_schema(summary="Update Question Option"),
    partial_update=extend_schema(summary="Update Question Option (Partial Update)"),
    destroy=extend_schema(
        summary="Delete Question Option",
        description="Deleting a question option is only possible if it hasn’t been used in any answers yet.",
    ),
)
class AnswerOptionViewSet(ActivityLogMixin, PretalxViewSetMixin, viewsets.ModelViewSet):
    queryset = AnswerOption.objects.none()
    serializer_class = AnswerOptionSerializer
    filterset_fields = ("question",)
    search_fields = ("answer",)
    ordering_fields = ("id", "answer")
    ordering = ("id",)
    endpoint = "question-options"

    def get_queryset(self):
        questions = questions_for_user(self.event, self.request.user)
        queryset = AnswerOption.objects.filter(
            question__in=questions,
            question__variant__in=[QuestionVariant.CHOICES, QuestionVariant.MULTIPLE],
        ).select_related("question", "question__event")
        for field in self.check_expanded_fields(
            "question.tracks", "question.submission_types"
        ):
            queryset = queryset.prefetch_related(field.replace(".", "__"))
        return queryset

    def get_unversioned_serializer_class(self):
        if self.action == "create":
            return AnswerOptionCreateSerializer
        return self.serializer_class

    def perform_destroy(self, instance):
        if instance.answers.exists():
            raise exceptions.ValidationError(
                "You cannot delete an option object that has been used in answers."
            )
        with transaction.atomic():
            instance.logged_actions().delete()
            return super().perform_destroy(instance)


@extend_schema_view(
    list=extend_schema(
        summary="List Answers",
        parameters=[
            build_search_docs("answer"),
            build_expand_docs(
                "question", "options", "question.tracks", "question.submission_types"
            ),
        ],
    ),
    retrieve=extend_schema(
        summary="Show Answer",
        parameters=[
            build_expand_docs(
                "question", "options", "question.tracks", "question.submission_types"
            )
        ],
    ),
    create=extend_schema(summary="Create Answer"),
    update=extend_schema(
        summary="Update Answer",
        description="Please note that you cannot change an answer’s related objects (question, submission, review, speaker).",
    ),
    partial_update=extend_schema(
        summary="Update Answer (Partial Update)",
        description="Please note that you cannot change an answer’s related objects (question, submission, review, speaker).",
    ),
    destroy=extend_schema(summary="Delete Answer"),
)
class AnswerViewSet(ActivityLogMixin, PretalxViewSetMixin, viewsets.ModelViewSet):
    queryset = Answer.objects.none()
    serializer_class = AnswerSerializer
    filterset_class = AnswerFilterSet
    search_fields = ("answer",)
    ordering_fields = ("id", "answer")
    ordering = ("id",)
    endpoint = "answers"
    permission_map = {
        "list": "submission.api_answer",
        "retrieve": "submission.api_answer",
        "create": "submission.api_answer",
        "update": "submission.api_answer",
        "partial_update": "submission.api_answer",
        "destroy": "submission.api_answer",
    }

    def get_queryset(self):
        queryset = answers_for_user(self.event, self.request.user).order_by("pk")
        if self.action == "list":
            speaker_qs = SpeakerProfile.objects.all()
            if not self.check_expanded_fields("person"):
                speaker_qs = speaker_qs.only("code")
            queryset = queryset.prefetch_related(
                Prefetch("submission", queryset=Submission.objects.only("code")),
                Prefetch("speaker", queryset=speaker_qs),
            )
            if self.check_expanded_fields(
                "question", "question.tracks", "question.submission_types"
            ):
                queryset = queryset.select_related("question")
        else:
            queryset = queryset.select_related(
                "question", "question__event", "submission", "speaker"
            )
        question_fields = self.check_expanded_fields(
            "question.tracks", "question.submissions"
        )
        if question_fields or (
            prefetch_fields := self.check_expanded_fields("options")
        ):
            question_fields = [q.replace(".", "__") for q in question_fields]
            queryset = queryset.prefetch_related(*prefetch_fields, *question_fields)
        return queryset

    def get_unversioned_serializer_class(self):
        if self.action == "create":
            return AnswerCreateSerializer
        return self.serializer_class

    @transaction.atomic()
    def perform_create(self, serializer):
        data = serializer.validated_data
        question = data["question"]
        submission = data.get("submission")
        speaker = data.get("speaker")
        review = data.get("review")
        target = submission or speaker or review

        options = data.get("options") or []
        if question.variant == QuestionVariant.CHOICES:
            value = options[0] if options else None
        elif question.variant == QuestionVariant.MULTIPLE:
            value = options
        elif question.variant == QuestionVariant.FILE:
            value = data.get("answer_file") or data.get("answer")
        else:
            value = data.get("answer")

        existing = question.answers.filter(
            submission=submission, speaker=speaker, review=review
        ).first()
        old_value = existing.answer_string if existing else None

        answer = save_answer(
            question=question, value=value, target_object=target, existing=existing
        )
        serializer.instance = answer

        new_value = answer.answer_string
        if existing is None or old_value != new_value:
            key = f"question-{question.pk}"
            answer.log_parent.log_action(
                ".update",
                person=self.request.user,
                orga=True,
                old_data={key: old_value} if old_value else None,
                new_data={key: new_value},
            )

"""Questions, answers, experts and what moderators did: the forum's tables.

An asker has no account: they are their proven phone number (messaging/phone_proof.py), shown
to readers only by the first name and commune they typed. Trust follows approved posts, never
activity: a number with no published post is new (its question waits for review, it may post
no link, it has daily limits: forum/limits.py).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vietnamese.text import search_key


def folded_for_search(*texts):
    """Text folded as cms/search.py folds a query (vietnamese.text.search_key), with a space at
    each end so that a word or phrase is found whole by looking for " word "."""
    return f" {search_key(' '.join(texts))} "


class Organisation(models.TextChoices):
    TELECOM = "telecom", _("telecom operator")
    POST = "post", _("post office")
    BANK = "bank", _("bank")
    POLICE = "police", _("police")
    COMMUNE_OFFICE = "commune_office", _("commune office")
    SCHOOL = "school", _("school")


class Expert(models.Model):
    """Someone a national or province administrator marked as an expert: their answers carry a
    badge naming their organisation. `province` empty: marked nationally."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="expert")
    kind = models.CharField(_("kind of organisation"), max_length=20, choices=Organisation.choices)
    organisation = models.CharField(_("organisation"), max_length=120)
    topics = models.ManyToManyField("cms.TopicPage", blank=True, verbose_name=_("topics"))
    province = models.ForeignKey(
        "places.Province", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("province")
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    scope_province_paths = ["province"]
    scope_commune_path = "province__communes"

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")

    def __str__(self):
        return f"{self.user} ({self.organisation})"


class ExpertChange(models.Model):
    """Every mark and unmark of an expert, kept after the Expert row is gone: who, by whom, when,
    and the organisation the badge named."""

    class Change(models.TextChoices):
        MARK = "mark", _("marked as an expert")
        UNMARK = "unmark", _("no longer an expert")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    change = models.CharField(max_length=8, choices=Change.choices)
    kind = models.CharField(max_length=20, choices=Organisation.choices)
    organisation = models.CharField(max_length=120)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.get_change_display()}: {self.organisation}"


class Status(models.TextChoices):
    PENDING = "pending", _("waiting for review")
    PUBLISHED = "published", _("published")
    HIDDEN = "hidden", _("hidden")
    CLOSED = "closed", _("closed")
    MERGED = "merged", _("merged into another question")


VISIBLE = [Status.PUBLISHED, Status.CLOSED]  # what readers see


class Question(models.Model):
    topic = models.ForeignKey("cms.TopicPage", on_delete=models.PROTECT, verbose_name=_("topic"))
    province = models.ForeignKey(
        "places.Province", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("province")
    )
    commune = models.ForeignKey(
        "places.Commune", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("commune")
    )
    phone = models.CharField(max_length=16, blank=True, db_index=True)  # E.164; never shown
    asker_name = models.CharField(_("first name"), max_length=40)
    title = models.CharField(_("question"), max_length=160)
    body = models.TextField(_("details"), blank=True)
    language = models.CharField(max_length=8)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    moderator_note = models.CharField(max_length=300, blank=True)  # shown when a moderator edited
    guide = models.ForeignKey(
        "cms.GuidePage", on_delete=models.SET_NULL, null=True, blank=True, related_name="forum_questions"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    answered_at = models.DateTimeField(null=True, blank=True)  # the first published answer
    texted_at = models.DateTimeField(null=True, blank=True)  # the asker's one text was queued
    # A duplicate a moderator merged: its answers moved there, its address redirects there.
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="merged_from"
    )
    # Title and details folded as cms/search.py folds a query, so the one search finds "doi mat
    # khau" in "Đổi mật khẩu"; emptied with the text on erasure.
    search_text = models.TextField(blank=True, editable=False)

    scope_commune_path = "commune"
    scope_province_paths = ["province"]

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = folded_for_search(self.title, self.body)
        super().save(*args, **kwargs)

    @property
    def accepted(self):
        """The accepted answer readers see: a hidden one is nobody's answer (nor a guide's)."""
        return next(
            (
                answer
                for answer in self.answers.all()
                if answer.accepted and answer.status == Status.PUBLISHED
            ),
            None,
        )


class Answer(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    phone = models.CharField(max_length=16, blank=True, db_index=True)  # a citizen who answered
    author_name = models.CharField(max_length=80)
    expert = models.ForeignKey(Expert, on_delete=models.SET_NULL, null=True, blank=True)
    body = models.TextField(_("answer"))
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    moderator_note = models.CharField(max_length=300, blank=True)
    accepted = models.BooleanField(default=False)
    helpful = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self):
        return f"{self.author_name}: {self.body[:40]}"


class ModerationAction(models.Model):
    class Action(models.TextChoices):
        APPROVE = "approve", _("approve")
        HIDE = "hide", _("hide")
        EDIT = "edit", _("edit")
        CLOSE = "close", _("close")
        MERGE = "merge", _("merge into another question")

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="actions")
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, null=True, blank=True)
    action = models.CharField(max_length=12, choices=Action.choices)
    reason = models.CharField(_("reason"), max_length=300)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.get_action_display()}: {self.reason}"


class Report(models.Model):
    """Anyone may report a post; moderators of its province see open reports. `reporter` is a
    keyed hash of the client's address, never the address: one open report per reporter and post."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="reports")
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, null=True, blank=True)
    reason = models.CharField(_("what is wrong"), max_length=300)
    reporter = models.CharField(max_length=64, blank=True, editable=False)
    at = models.DateTimeField(auto_now_add=True)
    resolved = models.BooleanField(default=False)

    def __str__(self):
        return self.reason


class HelpfulVote(models.Model):
    """One vote per answer and voter; `voter` is a keyed hash of the session, never an address."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="votes")
    voter = models.CharField(max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["answer", "voter"], name="forum_one_vote")]

    def __str__(self):
        return f"{self.answer_id}"

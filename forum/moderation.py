"""Who moderates what, and every moderator action with its reason.

Moderators are national administrators (every question) and province officers (questions of
their province); a question with no commune belongs to the national moderators only. Scope is
read from the person's roles (accounts.scopes.scope_for), never from the form.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts.scopes import scope_for
from forum.masking import mask_numbers
from forum.models import Answer, ModerationAction, Question, Report, Status
from forum.posting import published

UNANSWERED_AFTER = timedelta(hours=72)
Action = ModerationAction.Action


def is_moderator(user):
    scope = scope_for(user)
    return scope.national or bool(scope.provinces)


def moderated_questions(user):
    """The questions `user` moderates (none for a commune officer or a citizen)."""
    scope = scope_for(user)
    if scope.national:
        return Question.objects.all()
    return Question.objects.filter(province__in=scope.provinces)


def waiting(user):
    questions = moderated_questions(user)
    return {
        "questions": questions.filter(status=Status.PENDING).select_related("topic", "commune"),
        "answers": Answer.objects.filter(question__in=questions, status=Status.PENDING).select_related(
            "question"
        ),
        "reports": Report.objects.filter(question__in=questions, resolved=False).select_related(
            "question", "answer"
        ),
    }


def unanswered(user, now=None):
    """Published questions with no answer after 72 hours, grouped by province name."""
    now = now or timezone.now()
    stale = moderated_questions(user).filter(
        Q(answered_at__isnull=True), status=Status.PUBLISHED, created_at__lte=now - UNANSWERED_AFTER
    )
    groups = {}
    for question in stale.select_related("province").order_by("created_at"):
        groups.setdefault(question.province.name if question.province else "", []).append(question)
    return sorted(groups.items())


def merge(user, duplicate, kept, reason):
    """Merge `duplicate` into `kept`: its answers move there (an accepted one stays accepted only
    if `kept` has none), its address redirects there (forum/views/public.py), questions merged
    into it before follow, and the action is recorded on both with its reason. Both questions
    must be in `user`'s scope: Question.DoesNotExist otherwise, as in `act`; None when
    `duplicate` was merged already."""
    questions = moderated_questions(user)
    duplicate, kept = questions.get(pk=duplicate.pk), questions.get(pk=kept.pk)
    if duplicate.pk == kept.pk or kept.merged_into_id is not None:
        raise Question.DoesNotExist
    if duplicate.merged_into_id is not None:
        return None  # merged already: a replayed form records nothing
    with transaction.atomic():
        if kept.answers.filter(accepted=True).exists():
            duplicate.answers.update(accepted=False)
        duplicate.answers.update(question=kept)
        duplicate.reports.update(question=kept)
        Question.objects.filter(merged_into=duplicate).update(merged_into=kept)
        kept.answered_at = min(filter(None, (kept.answered_at, duplicate.answered_at)), default=None)
        kept.guide = kept.guide or duplicate.guide
        kept.save()
        duplicate.status, duplicate.merged_into = Status.MERGED, kept
        duplicate.save()
        ModerationAction.objects.create(
            question=kept, action=Action.MERGE, reason=f"#{duplicate.pk}: {reason}"[:300], by=user
        )
        return ModerationAction.objects.create(
            question=duplicate, action=Action.MERGE, reason=reason, by=user
        )


def act(user, question, action, reason, *, answer=None, text=None):
    """Carry out one moderator action on `question` (or one of its answers) and record it; None
    when it changes nothing (the post already was so: a replayed or doubled form records nothing).
    `text`: the new text for an edit, masked as every post is, shown with a visible note. Raises
    Question.DoesNotExist when the question is outside `user`'s scope."""
    with transaction.atomic():
        # Locked, so that two moderators (or one form sent twice) act one after the other.
        question = moderated_questions(user).select_for_update().get(pk=question.pk)
        if answer is not None:
            answer = Answer.objects.filter(question=question, pk=answer.pk).first()
            if answer is None:
                raise Question.DoesNotExist
        post = answer or question
        changed = _change(question, post, action, reason, text)
        if changed:
            changed.save()
        resolved = question.reports.filter(answer=answer, resolved=False).update(resolved=True)
        if not (changed or resolved):
            return None
        if answer is not None and changed and action == Action.APPROVE:
            published(answer)
        return ModerationAction.objects.create(
            question=question, answer=answer, action=action, reason=reason, by=user
        )


def _change(question, post, action, reason, text):
    """The post (or question, for a close) changed as `action` says, unsaved; None when it
    already was so."""
    if action == Action.EDIT:
        body, _count = mask_numbers(text)
        if (post.body, post.moderator_note) == (body, reason):
            return None
        post.body, post.moderator_note = body, reason
        return post
    target, status = {
        Action.APPROVE: (post, Status.PUBLISHED),
        Action.HIDE: (post, Status.HIDDEN),
        Action.CLOSE: (question, Status.CLOSED),
    }[action]
    if target.status == status:
        return None
    target.status = status
    return target

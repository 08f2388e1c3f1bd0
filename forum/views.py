from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from audit.models import AuditAction
from audit.services import record_event
from cases.highlight import Span, highlight
from cases.models import Case
from cases.selectors import cases as case_selectors
from cases.services.lifecycle import PersonalDataError
from core.access import get_visible_or_404
from core.form_fields import whole_number
from core.row_urls import url_for_pk
from core.text_gate import REASON_ERROR
from forum import selectors, services
from forum.forms import (
    DismissPostFindingForm,
    EditPostForm,
    FollowForm,
    PostForm,
    PreferenceForm,
    ReportPostForm,
    TopicForm,
)
from forum.models import (
    EmailChoice,
    ForumPreference,
    Post,
    PostFinding,
    PostFindingStatus,
    PostReport,
    Thread,
    ThreadKind,
    board_kind,
)
from forum.rules import post_actions
from sites.models import Site

POSTS = Post.objects.select_related("thread__case", "thread__site", "author")
THREADS = Thread.objects.select_related("case", "site")
CASES = Case.objects.select_related("site", "meeting")

FACILITATORS_BOARD_ONLY = "The facilitators' board is for facilitators and the programme team."
HELD_MESSAGE = (
    "Your post is held: it may contain personal data, so only you and the moderators can see it. Fix the text, or "
    "mark each highlighted part as not personal data with a reason."
)


def _require(user, perm: str, obj=None, message: str = "") -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied(message)


def _posted(request, post):
    if post.is_visible:
        messages.success(request, "Your post is up.")
    else:
        messages.warning(request, HELD_MESSAGE)
    return redirect(f"{reverse('forum:thread', args=[post.thread_id])}#post-{post.pk}")


def _refused(error: PersonalDataError, texts: dict) -> list[dict]:
    return [
        {
            "label": field.capitalize(),
            "html": highlight(texts.get(field, ""), [Span(d.start, d.end, d.kind) for d in found]),
        }
        for field, found in error.found.items()
    ]


def _access_site_board(user, site_pk: int) -> Site:
    return get_visible_or_404(Site, user, "forum.use_site_board", pk=site_pk)


@login_required
def index(request):
    _require(request.user, "forum.use_forum", message="The forum is for the programme's members.")
    return render(request, "forum/index.html", selectors.forum_index(request.user))


def _board(request, *, site=None, facilitators: bool = False):
    topics = selectors.board_topics(request.user, site=site, facilitators=facilitators)
    return render(request, "forum/board.html", {"site": site, "facilitators": facilitators, "topics": topics})


@login_required
def programme_board(request):
    _require(request.user, "forum.use_forum", message="The forum is for the programme's members.")
    return _board(request)


@login_required
def facilitators_board(request):
    """The facilitators' network board: facilitators of every site and the programme team, nobody else."""
    _require(request.user, "forum.use_facilitators_board", message=FACILITATORS_BOARD_ONLY)
    return _board(request, facilitators=True)


@login_required
def facilitators_topic_new(request):
    _require(request.user, "forum.use_facilitators_board", message=FACILITATORS_BOARD_ONLY)
    return _new_topic(request, facilitators=True)


@login_required
def site_board(request, site_pk: int):
    return _board(request, site=_access_site_board(request.user, site_pk))


def _new_topic(request, *, site=None, facilitators: bool = False):
    audience = selectors.thread_audience(
        Thread(kind=board_kind(site=site, facilitators=facilitators), site=site)
    ).exclude(pk=request.user.pk)
    form = TopicForm(request.POST or None, audience=audience)
    refused = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            post = services.start_topic(
                by=request.user, site=site, facilitators=facilitators, title=data["title"], body=data["body"],
                mentioned=data["mentioned"],
            )  # fmt: skip
        except PersonalDataError as error:
            refused = _refused(error, {"title": " ".join(data["title"].split())})
            form.add_error("title", error.message)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _posted(request, post)
    context = {"site": site, "facilitators": facilitators, "form": form, "refused": refused}
    return render(request, "forum/topic_form.html", context)


@login_required
def programme_topic_new(request):
    _require(request.user, "forum.start_programme_topic", message="The forum is for the programme's members.")
    return _new_topic(request)


@login_required
def site_topic_new(request, site_pk: int):
    return _new_topic(request, site=_access_site_board(request.user, site_pk))


@login_required
def case_thread(request, case_pk: int):
    """The site's discussion of a shared (or later) case."""
    case = get_visible_or_404(CASES, request.user, "cases.view_case", pk=case_pk)
    if not request.user.has_perm("forum.view_thread", Thread(kind=ThreadKind.CASE, case=case, site_id=case.site_id)):
        if case.status == "draft":
            raise PermissionDenied("The discussion opens once the case is shared with the site.")
        raise Http404
    return redirect("forum:thread", services.thread_for_case(case=case, kind=ThreadKind.CASE).pk)


@login_required
def learning_object_thread(request, case_pk: int):
    """The programme-wide discussion of a learning object."""
    case = get_object_or_404(case_selectors.learning_objects_for(request.user), pk=case_pk)
    thread = Thread(kind=ThreadKind.LEARNING_OBJECT, case=case, site_id=case.site_id)
    _require(
        request.user, "forum.view_thread", thread, "Discussion of learning objects is for the programme's members."
    )
    return redirect("forum:thread", services.thread_for_case(case=case, kind=ThreadKind.LEARNING_OBJECT).pk)


def _post_views(posts, user, thread) -> None:
    """Attach to each post what the page shows: its text highlighted while held, what the user may do and the links
    for it (the thread's rules and each link's reverse() once, not per post)."""
    actions = post_actions(user, thread)
    history_url, edit_url = url_for_pk("forum:post_history"), url_for_pk("forum:post_edit")
    report_url, delete_url = url_for_pk("forum:post_report"), url_for_pk("forum:post_delete")
    for post in posts:
        if not post.is_visible:
            spans = [Span(f.start, f.end, f.kind, f.status == "dismissed") for f in post.findings.all()]
            post.highlighted = highlight(post.body, spans)
        post.can_edit, post.can_delete, post.can_report = actions(post)
        post.history_url = history_url(post.pk)
        post.edit_url = edit_url(post.pk) if post.can_edit else ""
        post.report_url = report_url(post.pk) if post.can_report else ""
        post.delete_url = delete_url(post.pk) if post.can_delete else ""


@login_required
def thread_detail(request, pk: int):
    thread = get_visible_or_404(THREADS, request.user, "forum.view_thread", pk=pk)
    audience = selectors.thread_audience(thread).exclude(pk=request.user.pk)
    initial = {}
    quote = request.GET.get("quote", "")
    if whole_number(quote):
        initial["quoted"] = quote
    form = PostForm(request.POST or None, audience=audience, thread=thread, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            post = services.add_post(
                thread=thread, by=request.user, body=data["body"], quoted=data["quoted"], mentioned=data["mentioned"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _posted(request, post)
    if thread.kind == ThreadKind.CASE:  # the site's confidential discussion of a case: views are audited
        record_event(actor=request.user, action=AuditAction.VIEWED, target=thread.case, request=request,
                     detail="Forum discussion")  # fmt: skip
    context = selectors.thread_page(request.user, thread)
    _post_views(context["posts"], request.user, thread)
    quoting = form["quoted"].value()
    quoted = next((p for p in context["posts"] if str(p.pk) == str(quoting) and p.is_visible), None)
    services.mark_thread_read(thread=thread, person=request.user)
    return render(request, "forum/thread.html", {"thread": thread, "form": form, "quoting": quoted, **context})


@login_required
@require_POST
def follow(request, pk: int):
    thread = get_visible_or_404(THREADS, request.user, "forum.view_thread", pk=pk)
    form = FollowForm(request.POST)
    follow_it = form.is_valid() and form.cleaned_data["follow"]
    services.set_following(thread=thread, person=request.user, follow=follow_it)
    messages.success(request, "You are following this thread." if follow_it else "You no longer follow this thread.")
    return redirect("forum:thread", thread.pk)


@login_required
def post_edit(request, pk: int):
    post = get_visible_or_404(POSTS, request.user, "forum.view_post", pk=pk)
    _require(request.user, "forum.edit_post", post, "Only the author can edit a post.")
    audience = selectors.thread_audience(post.thread).exclude(pk=request.user.pk)
    form = EditPostForm(request.POST or None, audience=audience, initial={"body": post.body})
    refused = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            post = services.edit_post(post=post, by=request.user, body=data["body"], mentioned=data["mentioned"])
        except PersonalDataError as error:
            refused = _refused(error, {"body": data["body"].strip()})
            form.add_error("body", error.message)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _posted(request, post)
    return render(
        request, "forum/post_form.html", {"post": post, "thread": post.thread, "form": form, "refused": refused}
    )


@login_required
def post_history(request, pk: int):
    post = get_visible_or_404(POSTS, request.user, "forum.view_post", pk=pk)
    return render(
        request,
        "forum/post_history.html",
        {"post": post, "thread": post.thread, "revisions": selectors.post_history(post)},
    )


@login_required
@require_POST
def post_delete(request, pk: int):
    post = get_visible_or_404(POSTS, request.user, "forum.view_post", pk=pk)
    try:
        services.delete_post(post=post, by=request.user)
        messages.success(request, "The post is removed. Its place in the thread shows that it was.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(f"{reverse('forum:thread', args=[post.thread_id])}#post-{post.pk}")


@login_required
def post_report(request, pk: int):
    post = get_visible_or_404(POSTS, request.user, "forum.view_post", pk=pk)
    _require(request.user, "forum.report_post", post, "You cannot report this post.")
    form = ReportPostForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_post(post=post, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Thank you. The thread's moderators will look at the post.")
            return redirect(f"{reverse('forum:thread', args=[post.thread_id])}#post-{post.pk}")
    return render(request, "forum/report_form.html", {"post": post, "thread": post.thread, "form": form})


@login_required
@require_POST
def finding_dismiss(request, pk: int):
    finding = get_object_or_404(PostFinding.objects.select_related("post"), pk=pk)
    post = get_visible_or_404(POSTS, request.user, "forum.view_post", pk=finding.post_id)
    _require(request.user, "forum.dismiss_post_finding", post, "Only the post's author can do that.")
    form = DismissPostFindingForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("reason", [REASON_ERROR])))
    else:
        try:
            finding = services.dismiss_post_finding(
                finding=finding, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            post.refresh_from_db(fields=["status"])
            if post.is_visible:
                messages.success(request, "Your post is up.")
            elif finding.status == PostFindingStatus.AWAITING:
                messages.success(request, "Sent to a moderator to confirm. Your post stays held until then.")
            else:
                messages.success(request, "Marked as not personal data.")
    return redirect(f"{reverse('forum:thread', args=[post.thread_id])}#post-{post.pk}")


def _moderator_decision(service, success: str):
    @login_required
    @require_POST
    def view(request, pk: int):
        finding = get_object_or_404(PostFinding.objects.select_related("post__thread"), pk=pk)
        get_visible_or_404(POSTS, request.user, "forum.view_post", pk=finding.post_id)
        try:
            service(finding=finding, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, success)
        return redirect("forum:moderation")

    return view


finding_confirm = _moderator_decision(
    services.confirm_post_finding_dismissal, "Confirmed: not personal data. The post is up once nothing holds it."
)
finding_refuse = _moderator_decision(
    services.refuse_post_finding_dismissal, "Refused: the post stays held until its author fixes the text."
)


@login_required
def moderation(request):
    _require(request.user, "forum.view_moderation_queue", message="The moderation queue is for facilitators.")
    return render(request, "forum/moderation.html", selectors.moderation_queue(request.user))


@login_required
@require_POST
def report_resolve(request, pk: int):
    report = get_object_or_404(PostReport.objects.select_related("post__thread"), pk=pk)
    get_visible_or_404(THREADS, request.user, "forum.view_thread", pk=report.post.thread_id)
    try:
        services.resolve_report(report=report, by=request.user)
        messages.success(request, "Report closed.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("forum:moderation")


@login_required
def preferences(request):
    _require(request.user, "forum.use_forum", message="The forum is for the programme's members.")
    if request.method == "GET":  # the one page of email preferences (home.preferences) holds this choice too
        return redirect(f"{reverse('email_preferences')}#id_forum")
    current = ForumPreference.objects.filter(person=request.user).values_list("email", flat=True).first()
    form = PreferenceForm(request.POST or None, initial={"email": current or EmailChoice.IMMEDIATE})
    if request.method == "POST" and form.is_valid():
        services.set_email_choice(person=request.user, email=form.cleaned_data["email"])
        messages.success(request, "Your email choice is saved.")
        return redirect("forum:index")
    return render(request, "forum/preferences.html", {"form": form})

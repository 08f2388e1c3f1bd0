"""The evidence library, evidence on cases and questions for the knowledge brokers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from audit.models import AuditAction
from audit.services import record_event
from cases.forms.evidence import AnswerForm, AttachForm, EvidenceForm, ImportForm, QuestionForm, QuestionStatusForm
from cases.highlight import Span, highlight
from cases.models import Evidence, EvidenceLink, Question
from cases.selectors import evidence as selectors
from cases.services import citations, doi_lookup
from cases.services import evidence as services
from cases.services.lifecycle import PersonalDataError
from cases.uploads import UploadRefused
from cases.views.access import access_case
from core.access import get_visible_or_404
from core.form_fields import whole_number
from core.health import tell_if_jobs_are_delayed

QUESTIONS = Question.objects.select_related("case__site", "asked_by", "answered_by")
EVIDENCE = Evidence.objects.select_related("added_by")

REFUSED_LABELS = {"question": "Your question", "reply": "Your reply", "evidence_note": "Why it matters for this case"}


def _refused(error: PersonalDataError, texts: dict[str, str]) -> list[dict]:
    """The refused text with the possible personal data highlighted, as the case editor shows it."""
    shown = []
    for field, detected in error.found.items():
        spans = [Span(d.start, d.end, d.kind) for d in detected]
        shown.append({"label": REFUSED_LABELS.get(field, field), "html": highlight(texts.get(field, ""), spans)})
    return shown


def _require(user, perm: str, obj=None, message: str = "") -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied(message)


def _question_for(user, pk) -> Question | None:
    """The question a broker is answering while adding evidence (carried through the import), if any."""
    if not pk:
        return None
    question = Question.objects.filter(pk=pk).select_related("case").first()
    return question if question and user.has_perm("cases.answer_question", question) else None


def _id_or_none(value) -> int | None:
    return whole_number(value, largest=2**31 - 1)


def _initial_for(question: Question | None) -> dict:
    """Evidence added to answer a question starts with the themes of the case the question is about."""
    if question is None:
        return {}
    return {"question": question.pk, "themes": list(question.case.themes.all())}


def _after_adding(evidence: Evidence, question: Question | None):
    if question is not None:
        return redirect(f"{reverse('evidence:question', args=[question.pk])}?evidence={evidence.pk}")
    return redirect("evidence:detail", evidence.pk)


@login_required
def evidence_list(request):
    _require(
        request.user, "cases.view_evidence_library", message="The evidence library is for the programme's members."
    )
    context = selectors.library_page(request.GET)
    context["can_manage"] = request.user.has_perm("cases.manage_evidence")
    context["query_string"] = request.GET.urlencode()
    return render(request, "cases/evidence/evidence_list.html", context)


@login_required
def evidence_export(request):
    _require(
        request.user, "cases.view_evidence_library", message="The evidence library is for the programme's members."
    )
    items = selectors.evidence_for_export(request.GET)
    if request.GET.get("format") == "ris":
        body, content_type, name = citations.export_ris(items), "application/x-research-info-systems", "evidence.ris"
    else:
        body, content_type, name = citations.export_bibtex(items), "application/x-bibtex", "evidence.bib"
    ids = ", ".join(str(item.pk) for item in items)
    record_event(actor=request.user, action=AuditAction.EXPORTED, detail=f"evidence library {name}: {ids}",
                 request=request)  # fmt: skip
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def evidence_detail(request, pk: int):
    evidence = get_visible_or_404(EVIDENCE, request.user, "cases.view_evidence", pk=pk)
    record_event(actor=request.user, action=AuditAction.VIEWED, target=evidence, request=request)
    context = {"evidence": evidence, **selectors.evidence_page(request.user, evidence)}
    context["can_manage"] = request.user.has_perm("cases.manage_evidence", evidence)
    return render(request, "cases/evidence/evidence_detail.html", context)


@login_required
def evidence_file(request, pk: int):
    evidence = get_object_or_404(Evidence, pk=pk)
    if not (
        request.user.has_perm("cases.view_evidence", evidence)
        and request.user.has_perm("cases.download_evidence_file", evidence)
    ):
        raise Http404
    try:
        handle = evidence.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    services.record_file_download(evidence=evidence, by=request.user, request=request)
    response = FileResponse(handle, as_attachment=True, filename=evidence.file_name, content_type=evidence.file_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def evidence_import(request):
    _require(request.user, "cases.manage_evidence", message="Only knowledge brokers and programme admins add evidence.")
    form = ImportForm(request.POST or None, initial={"question": request.GET.get("question")})
    if request.method == "POST" and form.is_valid():
        question = _question_for(request.user, form.cleaned_data.get("question"))
        try:
            found = citations.parse_citations(form.cleaned_data["citation"])
        except ValidationError as error:
            form.add_error("citation", error)
        else:
            if len(found) == 1:
                return _prefilled_form(request, found[0], question)
            try:
                added, existing = services.add_evidence_from_citations(by=request.user, citations=found)
            except ValidationError as error:
                form.add_error("citation", error)
            else:
                return render(
                    request,
                    "cases/evidence/import_result.html",
                    {"added": added, "existing": existing, "question": question},
                )
    return render(request, "cases/evidence/import.html", {"form": form})


def _prefilled_form(request, citation, question):
    """One citation: offer the existing item if it is a duplicate, else the form filled in from it."""
    duplicates = services.find_duplicates(doi=citation.doi, title=citation.title, year=citation.year)
    if duplicates:
        return render(request, "cases/evidence/duplicates.html", {"duplicates": duplicates, "question": question})
    lookup_problem = ""
    if citation.source == "doi" and not citation.title:
        try:
            citation = doi_lookup.lookup_doi(citation.doi)
        except doi_lookup.DoiLookupFailed as problem:
            lookup_problem = str(problem)
        else:
            duplicates = services.find_duplicates(doi=citation.doi, title=citation.title, year=citation.year)
            if duplicates:
                context = {"duplicates": duplicates, "question": question}
                return render(request, "cases/evidence/duplicates.html", context)
    form = EvidenceForm(initial={**citation.as_initial(), **_initial_for(question)})
    context = {
        "form": form,
        "evidence": None,
        "from_citation": citation.source,
        "looked_up": citation.source == "doi" and bool(citation.title),
        "lookup_problem": lookup_problem,
        "question": question,
    }
    return render(request, "cases/evidence/evidence_form.html", context)


@login_required
def evidence_create(request):
    _require(request.user, "cases.manage_evidence", message="Only knowledge brokers and programme admins add evidence.")
    question = _question_for(request.user, _id_or_none(request.GET.get("question")))
    form = EvidenceForm(request.POST or None, request.FILES or None, initial=_initial_for(question))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        question = _question_for(request.user, data.pop("question", None))
        try:
            evidence = services.add_evidence(by=request.user, **data)
        except services.DuplicateEvidenceError as error:
            return render(
                request, "cases/evidence/duplicates.html", {"duplicates": error.duplicates, "question": question}
            )
        except UploadRefused as error:
            form.add_error("file", error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Added to the evidence library.")
            return _after_adding(evidence, question)
    return render(request, "cases/evidence/evidence_form.html", {"form": form, "evidence": None, "question": question})


@login_required
def evidence_edit(request, pk: int):
    evidence = get_visible_or_404(EVIDENCE, request.user, "cases.view_evidence", pk=pk)
    _require(
        request.user, "cases.manage_evidence", evidence, "Only knowledge brokers and programme admins edit evidence."
    )
    initial = {name: getattr(evidence, name) for name in services.EVIDENCE_FIELDS}
    initial["themes"] = list(evidence.themes.all())
    form = EvidenceForm(request.POST or None, request.FILES or None, initial=initial, has_file=bool(evidence.file))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("question", None)
        try:
            services.update_evidence(evidence=evidence, by=request.user, **data)
        except services.DuplicateEvidenceError as error:
            return render(request, "cases/evidence/duplicates.html", {"duplicates": error.duplicates})
        except UploadRefused as error:
            form.add_error("file", error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Your changes are saved.")
            return redirect("evidence:detail", evidence.pk)
    return render(request, "cases/evidence/evidence_form.html", {"form": form, "evidence": evidence})


@login_required
def evidence_attach(request, case_pk: int):
    case = access_case(request.user, case_pk)
    _require(
        request.user, "cases.attach_evidence", case, "Only knowledge brokers attach evidence, once a case is shared."
    )
    form = AttachForm(request.POST or None, initial={"evidence": request.GET.get("evidence")})
    refused = None
    if request.method == "POST" and form.is_valid():
        try:
            services.attach_evidence(case=case, by=request.user, **form.cleaned_data)
        except PersonalDataError as error:
            refused = _refused(error, {"evidence_note": form.cleaned_data["note"]})
            form.add_error("note", error.message)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Evidence attached to the case.")
            return redirect(f"{reverse('cases:detail', args=[case.pk])}#evidence")
    return render(request, "cases/evidence/attach.html", {"case": case, "form": form, "refused": refused})


@login_required
@require_POST
def evidence_detach(request, pk: int):
    link = get_object_or_404(EvidenceLink.objects.select_related("case", "evidence"), pk=pk)
    case = access_case(request.user, link.case_id)
    _require(request.user, "cases.attach_evidence", case, "Only knowledge brokers remove evidence from a case.")
    services.detach_evidence(link=link, by=request.user)
    messages.success(request, "Evidence removed from the case. It stays in the library.")
    return redirect(f"{reverse('cases:detail', args=[case.pk])}#evidence")


@login_required
def question_ask(request, case_pk: int):
    case = access_case(request.user, case_pk)
    _require(request.user, "cases.ask_question", case, "Only the site's members can ask about this case, once shared.")
    form = QuestionForm(request.POST or None)
    refused = None
    if request.method == "POST" and form.is_valid():
        try:
            services.ask_question(case=case, by=request.user, text=form.cleaned_data["text"])
        except PersonalDataError as error:
            refused = _refused(error, {"question": form.cleaned_data["text"]})
            form.add_error("text", error.message)
        except ValidationError as error:
            form.add_error("text", error)
        else:
            messages.success(request, "Your question is with the knowledge brokers. We will email you their answer.")
            return redirect(f"{reverse('cases:detail', args=[case.pk])}#evidence")
    return render(request, "cases/evidence/question_form.html", {"case": case, "form": form, "refused": refused})


@login_required
def question_queue(request):
    _require(request.user, "cases.view_question_queue", message="The questions queue is for knowledge brokers.")
    return render(request, "cases/evidence/question_queue.html", selectors.question_queue(request.GET))


@login_required
def question_detail(request, pk: int):
    question = get_visible_or_404(QUESTIONS, request.user, "cases.view_question", pk=pk)
    can_answer = request.user.has_perm("cases.answer_question", question)
    if request.method == "POST" and not can_answer:
        raise PermissionDenied("Only knowledge brokers answer questions.")
    chosen = [number for value in request.GET.getlist("evidence") if (number := whole_number(value))]
    form = AnswerForm(request.POST or None, initial={"evidence": chosen, "reply": question.reply})
    refused = None
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_question(question=question, by=request.user, **form.cleaned_data)
        except PersonalDataError as error:
            refused = _refused(error, {"reply": form.cleaned_data["reply"], "evidence_note": form.cleaned_data["note"]})
            form.add_error(None, error.message)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Answered. The person who asked will get an email.")
            tell_if_jobs_are_delayed(request, what="Your answer", resumes=False)
            return redirect("evidence:questions")
    context = {
        "question": question,
        "form": form if can_answer else None,
        "refused": refused,
        "answered_with": list(question.evidence.all()),
        "can_see_case": request.user.has_perm("cases.view_case", question.case),
    }
    return render(request, "cases/evidence/question_detail.html", context)


@login_required
@require_POST
def question_status(request, pk: int):
    question = get_visible_or_404(QUESTIONS, request.user, "cases.view_question", pk=pk)
    _require(request.user, "cases.answer_question", question, "Only knowledge brokers close or reopen questions.")
    form = QuestionStatusForm(request.POST)
    if form.is_valid():
        services.set_question_status(question=question, by=request.user, status=form.cleaned_data["status"])
        messages.success(request, f"The question is now {question.get_status_display().lower()}.")
    else:
        messages.error(request, "Choose open, answered or closed.")
    return redirect("evidence:question", question.pk)

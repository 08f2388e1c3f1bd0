"""Personal API tokens: create and name one (its key is shown once), see when each was last used, revoke.
Programme admins also list and revoke anyone's."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from api import selectors, services
from api.forms import ApiTokenForm
from core.access import get_visible_or_404

NEW_KEY_SESSION = "api_token_new_key"


@login_required
def my_tokens(request):
    if not request.user.has_perm("api.manage_own_tokens"):
        raise Http404
    form = ApiTokenForm(
        request.POST if request.method == "POST" else None,
        may_read_figures=request.user.has_perm("evaluation.view_dashboard"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            created = services.create_api_token(user=request.user, request=request, **form.cleaned_data)
        except ValidationError as problem:
            form.add_error("name", " ".join(problem.messages))
        else:
            # Shown once, on the next page, then gone: only its SHA-256 is kept.
            request.session[NEW_KEY_SESSION] = {"id": created.token.pk, "key": created.key}
            return redirect("api_tokens:mine")
    context = {
        "form": form,
        "tokens": selectors.tokens_with_status(request.user),
        "new_key": request.session.pop(NEW_KEY_SESSION, None),
    }
    return render(request, "api/tokens.html", context, status=400 if form.errors else 200)


@login_required
def all_tokens(request):
    if not request.user.has_perm("api.list_all_tokens"):
        raise Http404
    page = Paginator(selectors.all_tokens(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "api/all_tokens.html", {"page": page})


@login_required
@require_POST
def revoke_token(request, pk: int):
    token = get_visible_or_404(selectors.tokens_visible_to(request.user), request.user, "api.revoke_token", pk=pk)
    services.revoke_api_token(token=token, by=request.user, request=request)
    messages.success(request, f"Token \u201c{token.name}\u201d revoked: it no longer works.")
    if request.POST.get("back") == "all" and request.user.has_perm("api.list_all_tokens"):
        return redirect("api_tokens:all")
    return redirect("api_tokens:mine")

"""The facilitators' training records: the programme team records the two-day course and supervision sessions;
each facilitator reads their own."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from core.forms import add_service_error
from members.models import User
from sites.forms.training import TrainingForm
from sites.selectors.training import facilitator_sites, facilitators_for_training, training_of
from sites.services.training import record_training


@login_required
def training_list(request):
    facilitators = list(facilitators_for_training(request.user))
    if not facilitators:
        raise Http404
    return render(request, "sites/training/list.html", {"facilitators": facilitators})


@login_required
def training(request, person_pk: int):
    person = get_object_or_404(User, pk=person_pk)
    if not request.user.has_perm("sites.view_training", person) or not facilitator_sites(person):
        raise Http404
    can_record = request.user.has_perm("sites.record_training", person)
    form = TrainingForm(request.POST if request.method == "POST" and can_record else None)
    if request.method == "POST" and not can_record:
        messages.error(request, "Only the programme team records training.")
    elif request.method == "POST" and form.is_valid():
        try:
            record_training(person=person, recorded_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "Training recorded.")
            return redirect("sites:training", person.pk)
    context = {"person": person, "records": training_of(person), "sites": facilitator_sites(person)}
    context |= {"form": form, "can_record": can_record}
    return render(request, "sites/training/record.html", context)

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from home.selectors import home_page, menu_counts_for


@login_required
def home(request):
    return render(request, "home.html", home_page(request.user, counts=menu_counts_for(request)))

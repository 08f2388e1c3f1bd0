from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from home.selectors import home_page


@login_required
def home(request):
    return render(request, "home.html", home_page(request.user))

"""Sign up, and a page that says who is signed in: enough to see whether sessions follow a
visitor from one replica to another."""

from __future__ import annotations

from django.contrib.auth import login
from django.contrib.auth.forms import UserCreationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render


def signup(request: HttpRequest) -> HttpResponse:
    form = UserCreationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user)
        return redirect("accounts:me")
    return render(request, "accounts/signup.html", {"form": form})


def me(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/me.html")

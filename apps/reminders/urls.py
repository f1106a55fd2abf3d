from django.urls import path

from . import views

app_name = "reminders"

urlpatterns = [
    path("reminders/stop/<str:token>/", views.stop_link, name="stop_link"),
]

from django.urls import path

from . import views

app_name = "watch"

urlpatterns = [
    path(
        "platforms/<slug:slug>/documents/<slug:key>/",
        views.document_history,
        name="document",
    ),
    path("platforms/<slug:slug>/follow/", views.follow_platform, name="follow"),
    path("platforms/<slug:slug>/unfollow/", views.unfollow_platform, name="unfollow"),
    path("following/", views.following, name="following"),
    path("following/stop/<str:token>/", views.unfollow_link, name="unfollow_link"),
]

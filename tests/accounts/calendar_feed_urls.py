"""The project's URLs plus a stand-in for the tracker's calendar feed, to see the settings page
show the full feed link once a ``tracker:calendar_feed`` URL exists."""

from django.http import HttpResponse
from django.urls import include, path

from config.urls import urlpatterns as project_urlpatterns

tracker_patterns = (
    [path("calendar/<str:token>.ics", lambda request, token: HttpResponse(), name="calendar_feed")],
    "tracker",
)

urlpatterns = [*project_urlpatterns, path("", include(tracker_patterns))]

from django.urls import path

from . import views

app_name = "tracker"

REQUEST = "requests/<uuid:code>/"

urlpatterns = [
    path("requests/", views.dashboard, name="dashboard"),
    path("requests/save/", views.save_from_generator, name="save"),
    path("requests/export.csv", views.export_csv, name="export_csv"),
    path("requests/export.json", views.export_json, name="export_json"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path(REQUEST, views.request_detail, name="detail"),
    path(f"{REQUEST}letter.pdf", views.request_pdf, name="pdf"),
    path(f"{REQUEST}letter.eml", views.request_eml, name="eml"),
    path(f"{REQUEST}letter.txt", views.request_text, name="text"),
    path(f"{REQUEST}request.ics", views.request_ics, name="ics"),
    path(f"{REQUEST}events/<slug:kind>/", views.record_event, name="record"),
    path(f"{REQUEST}correct/", views.correct_date, name="correct"),
    path(f"{REQUEST}delete/", views.request_delete, name="delete"),
    path(f"{REQUEST}follow-up/", views.followup, name="followup"),
    path(f"{REQUEST}complaint/", views.complaint, name="complaint"),
]
# The follow-up's and the complaint's files: tracker:followup_pdf, tracker:complaint_eml, …
for which, prefix in (("followup", "follow-up"), ("complaint", "complaint")):
    for ext, name in (("pdf", "pdf"), ("eml", "eml"), ("txt", "text")):
        urlpatterns.append(
            path(
                f"{REQUEST}{prefix}/letter.{ext}",
                views.draft_download,
                {"which": which, "ext": ext},
                name=f"{which}_{name}",
            )
        )

from django.urls import path

from . import views

app_name = "tracker"

urlpatterns = [
    path("requests/save/", views.save_from_generator, name="save"),
    path("requests/<uuid:code>/", views.request_detail, name="detail"),
    path("requests/<uuid:code>/letter.pdf", views.request_pdf, name="pdf"),
    path("requests/<uuid:code>/letter.eml", views.request_eml, name="eml"),
    path("requests/<uuid:code>/letter.txt", views.request_text, name="text"),
]

from django.urls import path

from . import views

app_name = "generator"

urlpatterns = [
    path("request/new/", views.new_request, name="new"),
    path("request/new/start-again/", views.start_again, name="start_again"),
    path("request/new/letter.pdf", views.download_pdf, name="pdf"),
    path("request/new/letter.eml", views.download_eml, name="eml"),
    path("request/new/letter.txt", views.download_text, name="text"),
    # One URL per step, and the preview: /request/new/rights/, …, /request/new/preview/
    path("request/new/<slug:step>/", views.step_page, name="step"),
]

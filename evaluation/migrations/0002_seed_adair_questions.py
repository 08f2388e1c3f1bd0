"""Seed the team self-assessment with the questions of Table 2 of "Leading communities of practice"
(some essential features of Adair's three domains). "What stage of development is the team at?" is
asked separately, as the stage of group development, so it is not a rated question here."""

from django.db import migrations

TEAM_LEAD_IN = "To what extent does the team have"

QUESTIONS = [
    ("task", "How effective are our business planning processes?"),
    ("task", "Are we clear about our objectives as a team and our priorities for service development?"),
    ("task", "How effective are our quality management processes?"),
    (
        "task",
        "How is the team performing against performance measures, quality standards and business objectives?",
    ),
    ("task", "How effective is our case management in supervision?"),
    ("task", "How effective is our multi-disciplinary working?"),
    ("task", "Is the team engaged in service development?"),
    ("task", "Are people who use services engaged in service development planning?"),
    ("team", "How effective are our recruitment processes?"),
    ("team", "What will be our needs in the short, medium and long term in terms of skills and staffing levels?"),
    ("team", f"{TEAM_LEAD_IN} trusting relationships between its members and positive regard?"),
    ("team", f"{TEAM_LEAD_IN} a climate where problems can be raised and practice challenged?"),
    ("team", f"{TEAM_LEAD_IN} responsive and flexible leadership?"),
    ("team", f"{TEAM_LEAD_IN} a good range of personalities and roles?"),
    (
        "team",
        f"{TEAM_LEAD_IN} procedures and ways of working that allow it to work effectively, including resolving "
        "conflicts?",
    ),
    ("team", f"{TEAM_LEAD_IN} good relationships and established working relationships with co-providers?"),
    (
        "team",
        f"{TEAM_LEAD_IN} good relationships and established working relationships with people who use services "
        "and carers?",
    ),
    (
        "team",
        f"{TEAM_LEAD_IN} good relationships and established working relationships with the rest of the "
        "organisation?",
    ),
    ("team", f"{TEAM_LEAD_IN} continuous team development and improvement?"),
    ("individual", "How effective is induction and probation?"),
    ("individual", "How effective is supervision in developing practice?"),
    ("individual", "How effective is our management of training?"),
    ("individual", "How effective is our CPD?"),
    ("individual", "How effective is our appraisal?"),
    ("individual", "How effective is qualifying and post-qualifying training?"),
    ("individual", "Is there shared training with co-providers?"),
    ("individual", "Are individuals committed and motivated?"),
]


def seed_questions(apps, schema_editor):
    AssessmentQuestion = apps.get_model("evaluation", "AssessmentQuestion")
    for position, (domain, text) in enumerate(QUESTIONS, start=1):
        AssessmentQuestion.objects.update_or_create(position=position, defaults={"domain": domain, "text": text})


def remove_questions(apps, schema_editor):
    AssessmentQuestion = apps.get_model("evaluation", "AssessmentQuestion")
    AssessmentQuestion.objects.filter(position__lte=len(QUESTIONS)).delete()


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0001_surveys_focus_groups_self_assessment")]

    operations = [migrations.RunPython(seed_questions, remove_questions)]

"""The evaluation survey of the programme report (December 2012): its statements, on a five-point
agreement scale, and free-text questions on the value for the people members support."""

from evaluation.models import QuestionKind

STATEMENT, FREE_TEXT = QuestionKind.STATEMENT, QuestionKind.FREE_TEXT

REPORT_SURVEY = {
    "title": "Community of practice members' evaluation survey",
    "introduction": (
        "This survey asks what difference the community of practice has made to you and to the people you "
        "support. Your answers are confidential: nobody sees who answered what, and results are only shown "
        "when at least five people have answered. You can change your answers until the survey closes."
    ),
    "questions": [
        (
            STATEMENT,
            "My skills and competencies in working with people facing multiple needs and exclusions have "
            "improved through my membership in the community of practice.",
        ),
        (
            STATEMENT,
            "My knowledge of the role and function of other agencies has increased through my membership in "
            "the community of practice.",
        ),
        (STATEMENT, "I have increased my networks and contacts through my membership of the community of practice."),
        (STATEMENT, "Communities of practice are just a talking shop."),
        (
            STATEMENT,
            "The community of practice has been of value for the people I support, through better joint working.",
        ),
        (
            STATEMENT,
            "The community of practice has supported me in what is an emotionally challenging and stressful role.",
        ),
        (
            FREE_TEXT,
            "What difference, if any, has the community of practice made for the people you support? "
            "Please do not name anyone.",
        ),
        (FREE_TEXT, "What difference has being a member made to you and your practice?"),
        (FREE_TEXT, "What would you change about the community of practice?"),
    ],
}

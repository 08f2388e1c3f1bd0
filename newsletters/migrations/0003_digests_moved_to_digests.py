"""The digest models now belong to the digests app (digests.0001). State only: their tables stay as they are."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('newsletters', '0002_commissioner_digests'),
        ('digests', '0001_digests_moved_from_newsletters'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveIndex(
                    model_name='commissionerresponse',
                    name='newsletters_case_id_6de763_idx',
                ),
                migrations.RemoveConstraint(
                    model_name='digest',
                    name='digest_period_in_order',
                ),
                migrations.RemoveConstraint(
                    model_name='digest',
                    name='one_pending_digest_per_request',
                ),
                migrations.RemoveConstraint(
                    model_name='digest',
                    name='one_digest_per_subscription_and_quarter',
                ),
                migrations.RemoveField(
                    model_name='digestsubscription',
                    name='person',
                ),
                migrations.RemoveField(
                    model_name='digest',
                    name='requested_by',
                ),
                migrations.RemoveField(
                    model_name='digest',
                    name='sites',
                ),
                migrations.RemoveField(
                    model_name='digest',
                    name='subscription',
                ),
                migrations.DeleteModel(
                    name='CommissionerResponse',
                ),
                migrations.DeleteModel(
                    name='Digest',
                ),
                migrations.DeleteModel(
                    name='DigestSubscription',
                ),
            ],
            database_operations=[],
        ),
    ]

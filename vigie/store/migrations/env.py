"""Alembic environment: migrations run on the connection the Store hands over (no ini file)."""

from alembic import context

connection = context.config.attributes["connection"]
# The Store hands over a connection in its write transaction (Store.migrate): every pending
# migration then runs in that one transaction, under the writer lock. Run on its own (alembic's
# command line), one transaction per migration.
context.configure(connection=connection, transaction_per_migration=True, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()

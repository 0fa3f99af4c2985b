"""A suspended domain's cached data goes in batches after the block commits: `vmst domain block` purges thousands of
statuses batch by batch while the server keeps serving, and a purge left unfinished (the block committed with its
purge pending, the command gone) is finished by the running server on its own."""
import os
import sqlite3
import time

import pytest

from api_client import api, make_user, sql
from harness import VmstInstance


@pytest.fixture(scope="module")
def server():
    with VmstInstance() as vmst:
        vmst.start()
        vmst.alice = make_user(vmst, "alice")
        yield vmst


def seed_domain(vmst, domain, accounts, statuses_each):
    """Remote accounts on `domain` with many cached statuses (and their search rows), written straight in."""
    now = int(time.time() * 1000)
    next_id = (now - 3_600_000) << 16
    with sqlite3.connect(os.path.join(vmst.data_dir, "vmst.db"), timeout=10) as db:
        for n in range(accounts):
            account = next_id
            next_id += 1
            uri = f"https://{domain}/users/u{n}"
            db.execute("INSERT INTO accounts (id, username, domain, uri, inbox_url, created_at, updated_at)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?)", (account, f"u{n}", domain, uri, uri + "/inbox", now, now))
            db.execute("INSERT INTO account_stats (account_id) VALUES (?)", (account,))
            rows = []
            for _ in range(statuses_each):
                rows.append((next_id, f"{uri}/statuses/{next_id}", account, "<p>cached</p>", now, now))
                next_id += 1
            db.executemany("INSERT INTO statuses (id, uri, account_id, local, visibility, text, content, created_at,"
                           " updated_at) VALUES (?, ?, ?, 0, 'public', '', ?, ?, ?)", rows)
            db.executemany("INSERT INTO statuses_fts (rowid, plain_text) VALUES (?, 'cached')",
                           [(r[0],) for r in rows])


def left_on(vmst, domain):
    [(statuses,)] = sql(vmst, "SELECT count(*) FROM statuses s JOIN accounts a ON a.id = s.account_id"
                              " WHERE a.domain = ?", domain)
    [(accounts,)] = sql(vmst, "SELECT count(*) FROM accounts WHERE domain = ?", domain)
    return statuses, accounts


def test_blocking_a_big_domain_purges_it_in_batches_to_the_last_row(server):
    seed_domain(server, "big.example", 3, 1000)
    assert left_on(server, "big.example") == (3000, 3)
    out = server.cli("domain", "block", "big.example").stdout
    assert "Blocked big.example (suspend)" in out
    assert "purged 3 account(s) and 3000 status(es)" in out
    assert left_on(server, "big.example") == (0, 0)
    assert sql(server, "SELECT count(*) FROM statuses_fts WHERE rowid NOT IN (SELECT id FROM statuses)") == [(0,)]
    assert sql(server, "SELECT purge_pending FROM domain_blocks WHERE domain = 'big.example'") == [(0,)]
    assert api(server, "GET", "/api/v1/timelines/public", server.alice.token).status == 200


def test_an_unfinished_purge_is_finished_by_the_running_server(server):
    seed_domain(server, "cut.example", 2, 1500)
    # As a `vmst domain block` killed a minute ago after its block committed: the block row says the purge is
    # pending (the server leaves a purge alone for its first seconds, to the command that set the block).
    then = int(time.time() * 1000) - 60_000
    sql(server, "INSERT INTO domain_blocks (id, domain, severity, purge_pending, created_at, updated_at)"
                " VALUES (?, 'cut.example', 'suspend', 1, ?, ?)", then << 16, then, then)
    deadline = time.monotonic() + 30
    while left_on(server, "cut.example") != (0, 0):
        assert time.monotonic() < deadline, f"purge not finished: {left_on(server, 'cut.example')} left"
        time.sleep(0.2)
    deadline = time.monotonic() + 10
    while sql(server, "SELECT purge_pending FROM domain_blocks WHERE domain = 'cut.example'") != [(0,)]:
        assert time.monotonic() < deadline
        time.sleep(0.1)
    # The block itself stands.
    assert "cut.example" in server.cli("domain", "list").stdout

# rumour-bot: the bot with its locked dependencies and the extraction engine compiled by mypyc
# (setup.py; profile-guided by benchmarks/compiled.py; about 1.9x faster than the Python
# sources). Data lives in /app/data (mount a volume), or in PostgreSQL via DATABASE_URL.

# --- build stage: a C compiler and mypy compile bot/extraction in place
FROM python:3.11-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.lock requirements-dev.lock ./
RUN pip install --no-cache-dir -r requirements.lock \
    && pip install --no-cache-dir "setuptools>=68" wheel \
       $(grep -iE '^(mypy|mypy_extensions|pathspec|librt|ast[-_]serialize)==' requirements-dev.lock)
COPY setup.py pyproject.toml README.md ./
COPY bot ./bot
COPY seeds ./seeds
# a profile-guided build: instrumented, trained on these articles, rebuilt (compile_engine)
COPY benchmarks/compiled.py ./benchmarks/compiled.py
COPY benchmarks/heldout/articles ./benchmarks/heldout/articles
COPY benchmarks/heldout3/articles ./benchmarks/heldout3/articles
RUN python benchmarks/compiled.py --in-place \
    && python -c "from bot.extraction import engine_build as b; assert b() == 'compiled'"

# --- run stage: no compiler; the compiled modules sit next to their sources
FROM python:3.11-slim
# PYTHONPATH: the compiled modules share one library at the top of /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PYTHONPATH=/app
WORKDIR /app
COPY requirements.lock ./
RUN pip install -r requirements.lock
COPY setup.py pyproject.toml README.md alembic.ini ./
COPY --from=build /app/bot ./bot
COPY --from=build /app/*.so ./
COPY cogs ./cogs
COPY db ./db
COPY seeds ./seeds
RUN pip install --no-deps -e . && useradd --create-home rumour && mkdir -p data \
    && chown rumour data
USER rumour
VOLUME ["/app/data"]

# `rumour-bot db upgrade` runs on start too; the bot needs DISCORD_TOKEN.
CMD ["rumour-bot", "run"]

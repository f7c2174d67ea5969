# goyong-agent app image (deployments; tests and `make run` use the embedded store instead).
FROM python:3.11-slim
WORKDIR /app
ENV PIP_NO_CACHE_DIR=1 PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1
RUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*
COPY pyproject.toml constraints.txt README.md ./
COPY app ./app
COPY graphs ./graphs
COPY ingest ./ingest
COPY knowledge ./knowledge
COPY evals ./evals
COPY .chainlit ./.chainlit
RUN python -m pip install -U pip \
 && pip install --index-url https://download.pytorch.org/whl/cpu torch==2.13.0 \
 && pip install -c constraints.txt .
EXPOSE 8000
CMD ["goyong", "serve", "--host", "0.0.0.0", "--port", "8000"]

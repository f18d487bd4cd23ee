# modelkeeper serve as a container image. The champion is read from the git repository mounted at
# /repo (tags and objects only; a bare fetch of the tags is enough, no checkout of the model):
#   docker run -p 8080:8080 -v "$PWD:/repo:ro" -v mk-log:/var/log/modelkeeper IMAGE
# Arguments after IMAGE replace the whole CMD below, so repeat it when adding one:
#   … IMAGE serve --host 0.0.0.0 --port 8080 --log /var/log/modelkeeper --model fraud
# BASE is any image with node (>= 20) and git at /usr/bin; scripts/container/build-base-image.sh
# makes one from this machine's binaries where no registry is reachable (FROM node:20-slim with git
# installed works the same elsewhere). Build from scripts/container/build-image.sh, which stages
# the bundle (dist/) as the context.
ARG BASE=localhost/modelkeeper-base:latest
FROM ${BASE}

COPY package.json /opt/modelkeeper/package.json
COPY bin/modelkeeper.js /opt/modelkeeper/bin/modelkeeper.js
COPY dist/ /opt/modelkeeper/dist/

ENV NODE_ENV=production ORT_DISABLE_TELEMETRY=1 HOME=/home/modelkeeper
# Not root: uid 10001 needs read access to /repo and write access to the log volume.
USER 10001:10001
WORKDIR /repo
EXPOSE 8080
VOLUME ["/var/log/modelkeeper"]

# Liveness of the process; Kubernetes should probe /v2/health/ready for readiness instead.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8080/v2/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

ENTRYPOINT ["node", "/opt/modelkeeper/bin/modelkeeper.js"]
# Arguments after the image name replace these (keep --host 0.0.0.0 and --port 8080 if you do).
CMD ["serve", "--host", "0.0.0.0", "--port", "8080", "--log", "/var/log/modelkeeper"]

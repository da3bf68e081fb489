# syntax=docker/dockerfile:1
FROM alpine
USER 1000:1000

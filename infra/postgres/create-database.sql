-- Creates the database and role YouSaid connects as, on an external PostgreSQL (13+).
-- Run as a superuser:  psql -v password="'change-me'" -f infra/postgres/create-database.sql
-- Flyway (run by the server at start) creates and migrates the schema itself.
create role yousaid login password :password;
create database yousaid owner yousaid encoding 'UTF8' template template0;
\connect yousaid
alter schema public owner to yousaid;

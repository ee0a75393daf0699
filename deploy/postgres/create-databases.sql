-- One database (and owner) per service: no service reads another's tables.
create user enrollment with password 'enrollment';
create database enrollment owner enrollment;
create user billing with password 'billing';
create database billing owner billing;
create user payment with password 'payment';
create database payment owner payment;
create user dunning with password 'dunning';
create database dunning owner dunning;
create user edi with password 'edi';
create database edi owner edi;

package com.example;

public class Util {
}

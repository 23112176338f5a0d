<?php
$client->isOn("growthbook-php", false);
